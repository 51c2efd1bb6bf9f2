package org.enms.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MqttTlsTest {
  @Test
  void byDefaultNoStoreIsSetAndPahoKeepsTheJvmDefaults() {
    IngestSettings settings = IngestSettings.fromConfig(ConfigFactory.load());
    assertThat(settings.tls()).isEqualTo(MqttTls.NONE);
    assertThat(settings.tls().pahoProperties()).isEmpty();
  }

  @Test
  void configuredStoresBecomePahosSslProperties() {
    IngestSettings settings =
        IngestSettings.fromConfig(
            ConfigFactory.parseMap(
                    Map.of(
                        "enms.ingest.broker-url", "ssl://broker:8883",
                        "enms.ingest.tls.truststore", "/etc/enms/ca.p12",
                        "enms.ingest.tls.truststore-password", "changeit",
                        "enms.ingest.tls.truststore-type", "PKCS12"))
                .withFallback(ConfigFactory.load()));
    assertThat(settings.tls().pahoProperties())
        .containsExactly(
            Map.entry("com.ibm.ssl.trustStore", "/etc/enms/ca.p12"),
            Map.entry("com.ibm.ssl.trustStorePassword", "changeit"),
            Map.entry("com.ibm.ssl.trustStoreType", "PKCS12"));
  }
}
