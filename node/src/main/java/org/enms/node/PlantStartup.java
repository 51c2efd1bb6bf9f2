package org.enms.node;

import java.nio.file.Path;
import org.enms.db.Database;
import org.enms.db.registry.DemoPlantSpec;
import org.enms.db.registry.PlantApplier;
import org.enms.db.registry.PlantFile;
import org.enms.db.registry.PlantSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the declared plant ({@code enms.plant.file}) at start-up, before ingest runs, so the
 * machines it declares are accepted from the first message. Without a plant file the demo plant is
 * applied. A plant file that cannot be read or applied stops the start: running with half a plant
 * would reject a real plant's data.
 */
final class PlantStartup {
  private static final Logger log = LoggerFactory.getLogger(PlantStartup.class);

  private PlantStartup() {}

  static void apply(String file, Database database) {
    PlantSpec plant = file.isBlank() ? DemoPlantSpec.get() : PlantFile.load(Path.of(file));
    PlantApplier.Applied applied = new PlantApplier(database).apply(plant);
    log.info(
        "plant applied source={} factories={} machines={} seus={} new_entries={}",
        file.isBlank() ? "demo" : file,
        applied.factories(),
        applied.machines(),
        applied.seus(),
        applied.created());
  }
}
