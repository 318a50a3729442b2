package io.adlake.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adlake.model.Source;
import io.adlake.platforms.kit.PlatformKits;
import io.adlake.platforms.meta.MetaKit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class InstalledPlatformsTest {

  @Test
  void theDailyDagFetchesWhatTheRegistryCanFetch() throws IOException {
    String dag = Files.readString(Path.of("..", "dags", "adlake_daily.py"));
    Matcher fetched = Pattern.compile("(?m)^FETCHED = \\(([^)]*)\\)").matcher(dag);
    assertThat(fetched.find()).as("dags/adlake_daily.py declares FETCHED").isTrue();
    List<String> inDag =
        Pattern.compile("\"([a-z0-9]+)\"")
            .matcher(fetched.group(1))
            .results()
            .map(m -> m.group(1))
            .toList();

    assertThat(inDag)
        .isEqualTo(InstalledPlatforms.kits().fetchable().stream().map(Source::id).toList());
  }

  @Test
  void setupFlowsRunInRegistrationOrderAndAPlatformIsRegisteredOnce() {
    PlatformKits kits = InstalledPlatforms.kits();

    assertThat(kits.withSetup())
        .extracting(k -> k.source().id())
        .containsExactly("dv360", "ttd", "meta");
    assertThat(kits.require("meta")).isInstanceOf(MetaKit.class);
    assertThatThrownBy(() -> kits.with(new MetaKit()))
        .hasMessageStartingWith("two platform kits for source meta");
    assertThatThrownBy(() -> kits.require("tiktok"))
        .hasMessage("no platform 'tiktok'; platforms are [dv360, ttd, meta, gam, bookings]");
  }
}
