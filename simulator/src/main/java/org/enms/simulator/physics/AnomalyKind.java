package org.enms.simulator.physics;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.enms.core.plant.MachineType;

/**
 * The anomalies that can be injected. The three generic kinds work on every machine; the named
 * kinds are the original simulator's, each mapped onto one power effect (instead of the original's
 * mix of fixed and severity-scaled multipliers, so that a detector test knows what to expect) and
 * keeping its side effect on the other measurements:
 *
 * <ul>
 *   <li>compressor: leak (drift, pressure ×0.9), efficiency_loss (spike), bearing_fault (drift,
 *       vibration ×3)
 *   <li>hvac: refrigerant_leak (drift, COP ×0.7), dirty_coils (drift), compressor_fault (spike)
 *   <li>motor: bearing_wear (drift, vibration ×4), belt_slip (drop: a slipping belt transmits less
 *       torque; conveyor speed ×0.85), overload (spike)
 *   <li>pump: seal_leak (drift, pressure ×0.9), pump_wear (drift), valve_fault (spike), overheating
 *       (spike, machine temperature +20 °C)
 *   <li>injection molding: heater_fault (spike), cooling_insufficient (drift), hydraulic_leak
 *       (drift)
 * </ul>
 *
 * The original had no boiler anomalies; the boiler takes the generic kinds, applied to its whole
 * load so electricity, gas and steam stay consistent.
 */
public enum AnomalyKind {
  SPIKE(AnomalyEffect.SPIKE),
  DROP(AnomalyEffect.DROP),
  DRIFT(AnomalyEffect.DRIFT),
  LEAK(AnomalyEffect.DRIFT, MachineType.COMPRESSOR),
  EFFICIENCY_LOSS(AnomalyEffect.SPIKE, MachineType.COMPRESSOR),
  BEARING_FAULT(AnomalyEffect.DRIFT, MachineType.COMPRESSOR),
  REFRIGERANT_LEAK(AnomalyEffect.DRIFT, MachineType.HVAC),
  DIRTY_COILS(AnomalyEffect.DRIFT, MachineType.HVAC),
  COMPRESSOR_FAULT(AnomalyEffect.SPIKE, MachineType.HVAC),
  BEARING_WEAR(AnomalyEffect.DRIFT, MachineType.MOTOR, MachineType.CONVEYOR),
  BELT_SLIP(AnomalyEffect.DROP, MachineType.MOTOR, MachineType.CONVEYOR),
  OVERLOAD(AnomalyEffect.SPIKE, MachineType.MOTOR, MachineType.CONVEYOR),
  SEAL_LEAK(AnomalyEffect.DRIFT, MachineType.PUMP),
  PUMP_WEAR(AnomalyEffect.DRIFT, MachineType.PUMP),
  VALVE_FAULT(AnomalyEffect.SPIKE, MachineType.PUMP),
  OVERHEATING(AnomalyEffect.SPIKE, MachineType.PUMP),
  HEATER_FAULT(AnomalyEffect.SPIKE, MachineType.INJECTION_MOLDING),
  COOLING_INSUFFICIENT(AnomalyEffect.DRIFT, MachineType.INJECTION_MOLDING),
  HYDRAULIC_LEAK(AnomalyEffect.DRIFT, MachineType.INJECTION_MOLDING);

  private final AnomalyEffect effect;
  private final Set<MachineType> machineTypes;

  AnomalyKind(AnomalyEffect effect, MachineType... machineTypes) {
    this.effect = effect;
    this.machineTypes =
        machineTypes.length == 0
            ? EnumSet.allOf(MachineType.class)
            : EnumSet.copyOf(List.of(machineTypes));
  }

  public AnomalyEffect effect() {
    return effect;
  }

  public boolean appliesTo(MachineType type) {
    return machineTypes.contains(type);
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<AnomalyKind> fromWireName(String name) {
    return Arrays.stream(values()).filter(k -> k.wireName().equals(name)).findFirst();
  }

  /** The kinds a machine of {@code type} accepts, generic ones first. */
  public static List<AnomalyKind> forType(MachineType type) {
    return Arrays.stream(values()).filter(k -> k.appliesTo(type)).toList();
  }
}
