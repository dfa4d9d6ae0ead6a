package dev.kbtool.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.PriorityBlockingQueue;
import org.junit.jupiter.api.Test;

/** The order in which the prepare pool's queue hands out work. */
class PrepareStepTest {
    @Test
    void urgentStepsFirstThenHashingInScanOrderThenPreparationBiggestFirst() throws Exception {
        PriorityBlockingQueue<PrepareStep<String>> queue = new PriorityBlockingQueue<>();
        queue.add(PrepareStep.preparing(0, 10, false, () -> "prepare 0 (10 bytes)"));
        queue.add(PrepareStep.hashing(5, () -> "hash 5"));
        queue.add(PrepareStep.preparing(1, 5_000, false, () -> "prepare 1 (5000 bytes)"));
        queue.add(PrepareStep.hashing(3, () -> "hash 3"));
        queue.add(PrepareStep.preparing(4, 10, false, () -> "prepare 4 (10 bytes)"));
        queue.add(PrepareStep.preparing(2, 70_000, false, () -> "prepare 2 (70000 bytes)"));
        queue.add(PrepareStep.preparing(7, 0, true, () -> "prepare 7 (too big: nothing to do)"));
        PrepareStep<String> awaited = PrepareStep.preparing(6, 1, false, () -> "prepare 6 (awaited)");
        queue.add(awaited);
        queue.remove(awaited);
        awaited.makeUrgent();
        queue.add(awaited);

        List<String> order = new ArrayList<>();
        PrepareStep<String> step;
        while ((step = queue.poll()) != null) {
            step.run();
            order.add(step.get());
        }

        assertThat(order).containsExactly("prepare 6 (awaited)", "prepare 7 (too big: nothing to do)", "hash 3",
                "hash 5", "prepare 2 (70000 bytes)", "prepare 1 (5000 bytes)", "prepare 0 (10 bytes)",
                "prepare 4 (10 bytes)");
    }
}
