package twostage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import twostage.experiments.Figure2Study;
import twostage.experiments.LimitStudy;

class Figure2PanelsTest {
  @Test
  void panelsHoldTheGridsOfTheIssueAndShareOnePoint() {
    Map<String, List<LimitStudy.Point>> p = Figure2Study.points(Figure2Study.Spec.of("quick", 1));
    assertThat(p.get("a")).hasSize(13);
    assertThat(p.get("b")).hasSize(31); // 30-point grid + d = 30
    assertThat(p.get("c")).hasSize(20);
    assertThat(p.get("b").get(30).key()).isEqualTo("K=4 d=1000 beta=2.0");
    assertThat(p.get("c").get(0).key()).isEqualTo("K=4 d=20 beta=0.5");
    assertThat(p.get("c").get(19).key()).isEqualTo("K=4 d=20 beta=5.0");
    assertThat(p.values().stream().flatMap(List::stream).map(LimitStudy.Point::key).distinct().count())
        .isEqualTo(63);
    LimitStudy.Point a4 = p.get("a").get(2);
    assertThat(p.get("b")).anyMatch(q -> q.key().equals(a4.key()) && q.spec().equals(a4.spec()));
  }
}
