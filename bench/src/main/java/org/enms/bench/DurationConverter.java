package org.enms.bench;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;

/**
 * Reads durations the way the configuration files write them: {@code 30s}, {@code 50ms}, {@code
 * 2m}.
 */
final class DurationConverter implements ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    return ConfigFactory.parseString("d = \"" + value.replace("\"", "") + "\"").getDuration("d");
  }
}
