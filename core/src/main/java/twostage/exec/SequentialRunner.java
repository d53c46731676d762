package twostage.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** Runs tasks one after the other on the calling thread. */
public final class SequentialRunner implements Runner {
  @Override
  public <T> List<T> map(int count, IntFunction<T> task) {
    List<T> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(task.apply(i));
    }
    return out;
  }

  @Override
  public int parallelism() {
    return 1;
  }
}
