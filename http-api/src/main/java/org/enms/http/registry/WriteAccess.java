package org.enms.http.registry;

import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Wraps every registry write route (create, update, deactivate), and only those: the place where
 * the operator/admin role check goes once the API has authentication. Reads stay outside it.
 */
@FunctionalInterface
public interface WriteAccess {
  /** No authentication yet: every caller may write. */
  WriteAccess OPEN = Supplier::get;

  Route authorize(Supplier<Route> writes);
}
