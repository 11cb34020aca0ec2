package rfm.job;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Runs the Flyway migrations of the job's database on a thread of their own while Spring goes on starting the
 * rest of the application, instead of on the main thread before it: about a third of a second of a run's start-up
 * (docs/performance.md). Nothing reads or writes the tables while the application starts; {@link NightlyCommand}
 * waits for the migrations before it touches the job repository, and a migration that failed fails the run there
 * with Flyway's own exception, as it failed the start-up before. The context's close waits for a migration still
 * running, so that its connection is not taken from under it.
 */
@Component
public class SchemaMigration implements FlywayMigrationStrategy, DisposableBean {

    private volatile FutureTask<Object> migration;

    @Override
    public void migrate(Flyway flyway) {
        FutureTask<Object> task = new FutureTask<>(flyway::migrate);
        Thread thread = new Thread(task, "schema-migration");
        thread.setDaemon(true);
        migration = task;
        thread.start();
    }

    /** Waits for the migrations; rethrows what made them fail. Without Flyway in the context, returns at once. */
    public void awaitMigrated() {
        FutureTask<Object> task = migration;
        if (task == null) {
            return;
        }
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the database's migrations ran", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("the database's migrations failed", cause);
        }
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
