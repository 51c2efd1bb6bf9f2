package org.enms.analytics;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a machine is doing, judged from its electrical power. The wire names are the original API's
 * lower-case strings, used both in JSON and across the cluster.
 */
public enum MachineStatus {
  RUNNING("running"),
  IDLE("idle"),
  STOPPED("stopped");

  private final String wireName;

  MachineStatus(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }
}
