package org.enms.machine.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializers;
import org.apache.pekko.serialization.jackson.JacksonCborSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Events cross the cluster's pub-sub: each type must survive Pekko's Jackson CBOR as it is. */
class MachineEventSerializationTest {
  private static final ActorTestKit testKit = ActorTestKit.create();
  private static final UUID MACHINE = UUID.fromString("c0000000-0000-0000-0000-000000000001");
  private static final UUID FACTORY = UUID.fromString("11111111-1111-1111-1111-111111111111");
  private static final Instant AT = Instant.parse("2026-11-27T12:00:00.123456Z");

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  @Test
  void everyEventTypeRoundTripsThroughJacksonCbor() throws Exception {
    List<MachineEvent> events =
        List.of(
            new AnomalyDetected(
                UUID.randomUUID(),
                MACHINE,
                FACTORY,
                AT,
                "spike",
                "critical",
                "power_kw",
                80.5,
                40.0,
                101.25,
                "baseline_residual",
                "power 80.5 kW against 40.0 kW expected"),
            new AnomalyDetected(
                UUID.randomUUID(),
                MACHINE,
                FACTORY,
                AT,
                "spike",
                "critical",
                "power_kw",
                95.0,
                40.0,
                137.5,
                "robust_profile",
                "grew worse, now critical (was warning)",
                "warning"),
            new AnomalyResolved(UUID.randomUUID(), MACHINE, FACTORY, AT, "back to normal"),
            new BaselineTrained(UUID.randomUUID(), MACHINE, FACTORY, AT, "electricity", 3, 0.91),
            new TrainingProgressed(
                UUID.randomUUID(), MACHINE, null, AT, "running", 42.5, "fitting"),
            new TrainingStarted(UUID.randomUUID(), MACHINE, FACTORY, AT, "baseline", "scheduled"),
            new TrainingCompleted(
                UUID.randomUUID(),
                MACHINE,
                FACTORY,
                AT,
                "completed",
                4,
                new TrainingCompleted.Metrics(0.93, 1.2, 0.9, 720),
                null),
            new TrainingCompleted(
                UUID.randomUUID(), MACHINE, FACTORY, AT, "failed", null, null, "Insufficient data"),
            new MachineStatusChanged(MACHINE, FACTORY, AT, "idle", "running"),
            new ReadingRecorded(MACHINE, FACTORY, AT, "electricity", 41.2, null),
            new ReadingRecorded(MACHINE, FACTORY, AT, "electricity", 41.2, 0.0114));
    Serialization serialization = SerializationExtension.get(testKit.system().classicSystem());
    for (MachineEvent event : events) {
      var serializer = serialization.findSerializerFor(event);
      assertThat(serializer).as(event.type()).isInstanceOf(JacksonCborSerializer.class);
      byte[] bytes = serialization.serialize(event).get();
      Object back =
          serialization
              .deserialize(
                  bytes, serializer.identifier(), Serializers.manifestFor(serializer, event))
              .get();
      assertThat(back).as(event.type()).isEqualTo(event);
    }
  }
}
