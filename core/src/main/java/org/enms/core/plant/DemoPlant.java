package org.enms.core.plant;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The original EnMS demo plant: two factories and eight machines, with their seeded ids. */
public final class DemoPlant {
  public static final UUID DEMO_FACTORY = UUID.fromString("11111111-1111-1111-1111-111111111111");
  public static final UUID EUROPE_FACTORY = UUID.fromString("22222222-2222-2222-2222-222222222222");

  public static final List<Factory> FACTORIES =
      List.of(
          new Factory(
              DEMO_FACTORY,
              "Demo Manufacturing Plant",
              "Silicon Valley, CA",
              "America/Los_Angeles"),
          new Factory(EUROPE_FACTORY, "European Production Facility", "Munich", "Europe/Berlin"));

  public static final List<Machine> MACHINES =
      List.of(
          machine(
              1,
              DEMO_FACTORY,
              "Compressor-1",
              MachineType.COMPRESSOR,
              55,
              1,
              "factory/demo/compressor-1",
              true,
              "Atlas Copco",
              "GA 55 VSD",
              79.3,
              "Compressor Room - West Wing"),
          machine(
              2,
              DEMO_FACTORY,
              "HVAC-Main",
              MachineType.HVAC,
              150,
              10,
              "factory/demo/hvac-main",
              true,
              "Carrier",
              "AquaEdge 23XRV",
              216.5,
              "Rooftop - Main Building"),
          machine(
              3,
              DEMO_FACTORY,
              "Conveyor-A",
              MachineType.MOTOR,
              22,
              10,
              "factory/demo/conveyor-a",
              false,
              "SEW",
              "DRS 90L4",
              31.7,
              "Assembly Line A"),
          machine(
              4,
              DEMO_FACTORY,
              "Hydraulic-Pump-1",
              MachineType.PUMP,
              45,
              30,
              "factory/demo/hydraulic-pump-1",
              true,
              "Bosch Rexroth",
              "A10VSO 140",
              64.9,
              "Press Shop"),
          machine(
              5,
              DEMO_FACTORY,
              "Injection-Molding-1",
              MachineType.INJECTION_MOLDING,
              120,
              30,
              "factory/demo/injection-molding-1",
              true,
              "Arburg",
              "Allrounder 820 S",
              173.2,
              "Molding Hall"),
          machine(
              6,
              EUROPE_FACTORY,
              "Compressor-EU-1",
              MachineType.COMPRESSOR,
              90,
              1,
              "factory/europe/compressor-1",
              true,
              "Kaeser",
              "DSG 90",
              64.9,
              "Compressor Room - North"),
          machine(
              7,
              EUROPE_FACTORY,
              "HVAC-EU-North",
              MachineType.HVAC,
              200,
              10,
              "factory/europe/hvac-north",
              true,
              "Daikin",
              "EWAD-TZ-C",
              129.9,
              "North Wing"),
          machine(
              8,
              DEMO_FACTORY,
              "Boiler-1",
              MachineType.BOILER,
              45,
              30,
              "factory/DemoPlant/Boiler-1",
              false,
              "Viessmann",
              "Vitomax 200-LW",
              288.7,
              "Boiler House"));

  private DemoPlant() {}

  /** The seeded id pattern {@code c0000000-0000-0000-0000-00000000000N}. */
  public static UUID machineId(int n) {
    return UUID.fromString(String.format("c0000000-0000-0000-0000-%012d", n));
  }

  public static Optional<Machine> byName(String name) {
    return MACHINES.stream().filter(m -> m.name().equals(name)).findFirst();
  }

  private static Machine machine(
      int n,
      UUID factory,
      String name,
      MachineType type,
      double ratedKw,
      int interval,
      String topic,
      boolean critical,
      String maker,
      String model,
      double ratedCurrent,
      String location) {
    return new Machine(
        machineId(n),
        factory,
        name,
        type,
        ratedKw,
        interval,
        topic,
        critical,
        maker,
        model,
        ratedCurrent,
        location);
  }
}
