package twostage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import twostage.experiments.GmmPoint;
import twostage.report.Figure2;

class Figure2PanelsTest {
  @Test
  void panelsHoldTheGridsOfTheIssueAndShareOnePoint() {
    List<Figure2.Panel> p = Figure2.panels(10, 10, 2, 1, GmmPoint.Method.REDUCED);
    assertThat(p.get(0).points()).hasSize(13);
    assertThat(p.get(1).points()).hasSize(31); // 30-point grid + d = 30
    assertThat(p.get(2).points()).hasSize(20);
    assertThat(p.get(1).points().get(30).d()).isEqualTo(1000);
    assertThat(p.get(2).points().get(0).beta()).isEqualTo(0.5);
    assertThat(p.get(2).points().get(19).beta()).isEqualTo(5.0);
    List<GmmPoint> all = Figure2.allPoints(p);
    assertThat(all.stream().map(GmmPoint::key).distinct().count()).isEqualTo(63);
    GmmPoint a4 = p.get(0).points().get(2);
    assertThat(p.get(1).points()).anyMatch(q -> q.key().equals(a4.key()));
  }
}
