package org.enms.ingest.catalog;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.enms.core.reading.Reading;
import org.enms.db.registry.MachineRegistryDao;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Under the {@code register} policy: registers the machines of a batch that the catalogue does not
 * know, before the batch is written, and reloads the catalogue so their next readings take the fast
 * path. Runs on the store's blocking thread; registering is idempotent, so a retried or concurrent
 * batch is harmless.
 */
public final class AutoRegistration {
  private static final Logger log = LoggerFactory.getLogger(AutoRegistration.class);

  private final MachineRegistryDao machines;
  private final MachineCatalog catalog;
  private final String factory;

  public AutoRegistration(MachineRegistryDao machines, MachineCatalog catalog, String factory) {
    this.machines = machines;
    this.catalog = catalog;
    this.factory = factory;
  }

  public void registerUnknown(List<Reading> readings) {
    Set<UUID> unknown = null;
    for (Reading r : readings) {
      if (!catalog.registered(r.machineId())) {
        if (unknown == null) {
          unknown = new HashSet<>();
        }
        unknown.add(r.machineId());
      }
    }
    if (unknown == null) {
      return;
    }
    List<UUID> created = machines.registerUnknown(unknown, factory);
    if (!created.isEmpty()) {
      log.info("registered unknown machines factory=\"{}\" ids={}", factory, created);
    }
    catalog.reload();
  }
}
