package org.enms.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.enms.core.plant.DemoPlant;
import org.enms.core.plant.Machine;
import org.junit.jupiter.api.Test;

/**
 * History is current on a fresh node with the production roll-up settings (minutes settle for 1
 * minute, refreshed every 5 s): the running minute and the running hour answer through the API
 * within seconds of the readings, marked partial, as the original's real-time aggregates do.
 */
class CurrentHistoryEndToEndTest {
  @Test
  void theRunningMinuteAndHourAnswerWithinSecondsAndAreMarkedPartial() throws Exception {
    try (NodeFixture fixture = new NodeFixture()) {
      fixture.startNode(Map.of("enms.rollup-settle", "1m", "enms.rollup-interval", "5s"));
      Machine compressor = DemoPlant.MACHINES.get(0);
      Instant now = Instant.now();
      Instant hour = now.truncatedTo(ChronoUnit.HOURS);
      MqttClient publisher = fixture.publisher();
      double energy = 0;
      // The last 20 s, one reading a second: all in the current minute or the one before.
      for (int s = 20; s >= 1; s--) {
        double kwh = 0.002 + s / 10_000.0;
        if (!now.minusSeconds(s).isBefore(hour)) {
          energy += kwh; // the running hour's share, should the readings straddle the hour
        }
        NodeFixture.publish(
            publisher,
            compressor.mqttTopic() + "/energy",
            "{\"time\":\""
                + now.minusSeconds(s)
                + "\",\"machine_id\":\""
                + compressor.id()
                + "\",\"power_kw\":40,\"energy_kwh\":"
                + kwh
                + "}");
      }
      publisher.disconnect();
      double published = energy;
      Instant lastSecond = now.minusSeconds(1);
      String energyToday =
          "/api/v1/timeseries/energy?machine_id="
              + compressor.id()
              + "&start_time="
              + now.truncatedTo(ChronoUnit.DAYS)
              + "&end_time="
              + now.plusSeconds(3600)
              + "&interval=1hour";
      String lastTenMinutes =
          "/api/v1/timeseries/power?machine_id="
              + compressor.id()
              + "&start_time="
              + now.minusSeconds(600)
              + "&end_time="
              + now.plusSeconds(60)
              + "&interval=1min";

      NodeFixture.await(
          "today's energy to include the running hour",
          Duration.ofSeconds(15),
          () -> {
            JsonNode points = fixture.getJson(energyToday).get("data_points");
            return points.size() > 0
                && Math.abs(points.get(points.size() - 1).get("value").asDouble() - published)
                    < 1e-6;
          });
      JsonNode hours = fixture.getJson(energyToday).get("data_points");
      JsonNode running = hours.get(hours.size() - 1);
      assertThat(running.get("timestamp").asText()).isEqualTo(hour.toString());
      assertThat(running.get("partial").asBoolean()).isTrue();

      JsonNode minutes = fixture.getJson(lastTenMinutes).get("data_points");
      assertThat(minutes).isNotEmpty();
      JsonNode last = minutes.get(minutes.size() - 1);
      assertThat(last.get("timestamp").asText())
          .isEqualTo(lastSecond.truncatedTo(ChronoUnit.MINUTES).toString());
      assertThat(last.get("value").asDouble()).isCloseTo(40.0, within(1e-9));
      assertThat(last.get("partial").asBoolean())
          .isEqualTo(
              lastSecond.truncatedTo(ChronoUnit.MINUTES).plusSeconds(60).isAfter(Instant.now()));
    }
  }
}
