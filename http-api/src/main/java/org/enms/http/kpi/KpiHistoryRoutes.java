package org.enms.http.kpi;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.enms.core.reading.EnergyType;
import org.enms.db.BlockingIo;
import org.enms.db.Database;
import org.enms.db.MachineDao;
import org.enms.db.kpi.KpiSnapshotDao;
import org.enms.http.error.ApiException;
import org.enms.http.support.JsonSupport;
import org.enms.http.support.QueryParams;

/**
 * {@code GET /api/v1/kpi/history?machine_id&start&end[&energy_type]}: the stored daily KPI
 * snapshots of the UTC days from {@code start}'s to the one before {@code end}'s (dates or
 * timestamps). An unknown machine is a 404; a malformed parameter a 422.
 */
public final class KpiHistoryRoutes extends AllDirectives {
  private final KpiSnapshotDao snapshots;
  private final MachineDao machines;
  private final BlockingIo io;

  public KpiHistoryRoutes(Database database, BlockingIo io) {
    this.snapshots = new KpiSnapshotDao(database);
    this.machines = new MachineDao(database);
    this.io = io;
  }

  public Route routes() {
    return path(
        segment("kpi").slash("history"),
        () ->
            get(
                () ->
                    parameter(
                        "machine_id",
                        machineText ->
                            parameter(
                                "start",
                                startText ->
                                    parameter(
                                        "end",
                                        endText ->
                                            parameterOptional(
                                                "energy_type",
                                                type ->
                                                    history(
                                                        QueryParams.uuid(
                                                            "query", "machine_id", machineText),
                                                        day("start", startText),
                                                        day("end", endText),
                                                        type.orElse(EnergyType.ELECTRICITY))))))));
  }

  private static LocalDate day(String name, String value) {
    return LocalDate.ofInstant(QueryParams.instant(name, value), ZoneOffset.UTC);
  }

  private Route history(UUID machine, LocalDate start, LocalDate end, String energyType) {
    if (!end.isAfter(start)) {
      throw ApiException.invalidParameter("query", "end", "end must be a later day than start");
    }
    return onSuccess(
        io.call(
            () -> {
              if (machines.byId(machine).isEmpty()) {
                throw ApiException.notFound("Machine not found");
              }
              return new KpiHistoryResponse(
                  machine,
                  energyType,
                  start,
                  end,
                  snapshots.history(machine, energyType, start, end).stream()
                      .map(
                          s ->
                              new KpiHistoryResponse.Day(
                                  s.day(),
                                  s.totalEnergyKwh(),
                                  s.avgPowerKw(),
                                  s.peakDemandKw(),
                                  s.peakDemandTime(),
                                  s.loadFactor(),
                                  s.totalProductionUnits(),
                                  s.secKwhPerUnit(),
                                  s.energyCharge(),
                                  s.demandCharge(),
                                  s.totalCost(),
                                  s.currency(),
                                  s.totalCo2Kg(),
                                  s.intervals(),
                                  s.computedAt()))
                      .toList());
            }),
        body -> completeOK(body, JsonSupport.json()));
  }

  private static org.apache.pekko.http.javadsl.server.PathMatcher0 segment(String name) {
    return org.apache.pekko.http.javadsl.server.PathMatchers.segment(name);
  }
}
