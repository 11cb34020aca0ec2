package rfm.job;

import java.util.concurrent.FutureTask;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Runs the Flyway migrations of the job's database on a thread of their own while Spring goes on starting the
 * rest of the application, instead of on the main thread before it: 0.33 s of the main thread's CPU at every start,
 * 0.06-0.17 s of a run's wall time in alternating sample runs (docs/performance.md). This holds only while no bean
 * reads or writes the tables as the application starts: Boot lets the beans that depend on the database's
 * initialisation (the job repository among them) be created as soon as this strategy returns. {@link NightlyCommand}
 * waits for the migrations before it touches the job repository, and a migration that failed ends the run there
 * (exit code 1) before the job starts. The context's close waits for a migration still running; the data source it
 * uses is closed after this bean (it is a dependency), so its connection is not taken from under it.
 */
@Component
class SchemaMigration implements FlywayMigrationStrategy, DisposableBean {

    private volatile FutureTask<Object> migration;

    /** The data source is not used here: it makes Spring close it only after this bean has waited for the migration. */
    SchemaMigration(DataSource dataSource) {
    }

    @Override
    public void migrate(Flyway flyway) {
        FutureTask<Object> task = new FutureTask<>(flyway::migrate);
        Thread thread = new Thread(task, "schema-migration");
        thread.setDaemon(true);
        thread.start(); // before it is remembered: a thread that could not start leaves nothing to wait for
        migration = task;
    }

    /** Waits for the migrations; rethrows what made them fail. Without Flyway in the context, returns at once. */
    void awaitMigrated() {
        FutureTask<Object> task = migration;
        if (task == null) {
            return;
        }
        Background.await(task, "the database's migrations ran");
    }

    @Override
    public void destroy() {
        try {
            awaitMigrated();
        } catch (RuntimeException | Error e) {
            // reported by the run that waited for it, or nobody asked: the context is closing either way
        }
    }
}
