package org.enms.simulator.physics;

import java.time.Instant;
import java.util.random.RandomGenerator;
import org.enms.core.plant.Machine;

/**
 * The physical model of one machine: its internal state (pressure, speed, cycle phase,
 * temperatures) and what it reports each interval. Implementations are Pekko-free and deterministic
 * for a given random generator and sequence of timestamps; they are not thread-safe (the owning
 * {@code SimulatedMachine} serialises calls).
 */
public interface MachinePhysics {

  /** Advances the model by one reporting interval ending at {@code time}. */
  Sample next(Instant time, AnomalyInfluence anomaly, RandomGenerator random);

  /** The model for a registered machine, chosen by its type. */
  static MachinePhysics forMachine(Machine machine) {
    return switch (machine.type()) {
      case COMPRESSOR -> new Compressor(machine.ratedPowerKw(), machine.intervalSeconds());
      case HVAC -> new Hvac(machine.ratedPowerKw(), machine.intervalSeconds());
      case MOTOR, CONVEYOR -> new ConveyorMotor(machine.ratedPowerKw(), machine.intervalSeconds());
      case PUMP -> new HydraulicPump(machine.ratedPowerKw(), machine.intervalSeconds());
      case INJECTION_MOLDING ->
          new InjectionMolding(machine.ratedPowerKw(), machine.intervalSeconds());
      case BOILER -> new Boiler(machine.ratedPowerKw(), machine.intervalSeconds());
      case OTHER ->
          throw new IllegalArgumentException("no model for machine type " + machine.type());
    };
  }
}
