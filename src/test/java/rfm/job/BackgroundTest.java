package rfm.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;

import org.junit.jupiter.api.Test;

class BackgroundTest {

    @Test
    void aTaskThatEndsWellIsWaitedFor() throws Exception {
        FutureTask<Object> task = new FutureTask<>(() -> "done");
        new Thread(task).start();
        Background.await(task, "testing");
        assertThat(task.isDone()).isTrue();
    }

    @Test
    void whatMadeTheTaskFailComesOutAsItIs() {
        IllegalArgumentException bad = new IllegalArgumentException("bad row");
        assertThatThrownBy(() -> Background.await(CompletableFuture.failedFuture(bad), "testing")).isSameAs(bad);
        OutOfMemoryError error = new OutOfMemoryError("heap");
        assertThatThrownBy(() -> Background.await(CompletableFuture.failedFuture(error), "testing")).isSameAs(error);
        IOException disk = new IOException("disk full");
        assertThatThrownBy(() -> Background.await(CompletableFuture.failedFuture(disk), "writing", IOException.class))
                .isSameAs(disk);
    }

    @Test
    void aCheckedExceptionNotPassedOnIsWrappedWithWhatTheTaskWasDoing() {
        Exception checked = new Exception("checked");
        assertThatThrownBy(() -> Background.await(CompletableFuture.failedFuture(checked), "counting"))
                .isInstanceOf(IllegalStateException.class).hasMessage("failed while counting").hasCause(checked);
    }

    @Test
    void anInterruptedWaitSaysSoAndKeepsTheInterrupt() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> Background.await(new CompletableFuture<>(), "counting"))
                    .isInstanceOf(IllegalStateException.class).hasMessage("interrupted while counting");
            assertThat(Thread.interrupted()).as("the interrupt is kept").isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
