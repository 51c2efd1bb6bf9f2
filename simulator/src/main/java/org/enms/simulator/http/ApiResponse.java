package org.enms.simulator.http;

/** The original's {@code MessageResponse} envelope for control operations. */
public record ApiResponse(String message, boolean success, Object data) {
  public static ApiResponse ok(String message, Object data) {
    return new ApiResponse(message, true, data);
  }
}
