package org.enms.db;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@code mqtt_sessions} table: which cluster member owns which MQTT client id. Owners renew
 * their rows; an adopter reads the rows not renewed for a while and releases each one it drained.
 * Ages use the database's clock, so nodes' clocks need not agree.
 */
public final class MqttSessionDao {
  private final Jdbi jdbi;

  public MqttSessionDao(Database database) {
    this.jdbi = database.jdbi();
  }

  /** Claims these client ids for a member (taking them from any earlier owner) and renews them. */
  public void claim(Collection<String> clientIds, String memberAddress, long memberUid) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO mqtt_sessions (client_id, member_address, member_uid, seen_at)
                    SELECT id, :address, :uid, now() FROM unnest(:ids) AS id
                    ON CONFLICT (client_id) DO UPDATE
                    SET member_address = EXCLUDED.member_address,
                        member_uid = EXCLUDED.member_uid, seen_at = now()
                    """)
                .bindArray("ids", String.class, clientIds)
                .bind("address", memberAddress)
                .bind("uid", memberUid)
                .execute());
  }

  /** The rows their owner has not renewed for {@code age}. */
  public List<MqttSessionRow> notRenewedFor(Duration age) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT client_id, member_address, member_uid FROM mqtt_sessions
                    WHERE seen_at < now() - CAST(:age AS interval)
                    ORDER BY client_id
                    """)
                .bind("age", age.toMillis() + " milliseconds")
                .map(
                    (rs, ctx) ->
                        new MqttSessionRow(
                            rs.getString("client_id"),
                            rs.getString("member_address"),
                            rs.getLong("member_uid")))
                .list());
  }

  /**
   * Deletes a drained session's row, unless its id was claimed again meanwhile (by the same or a
   * new incarnation).
   *
   * @return whether the row was deleted
   */
  public boolean release(MqttSessionRow row) {
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        """
                        DELETE FROM mqtt_sessions
                        WHERE client_id = :id AND member_address = :address AND member_uid = :uid
                        """)
                    .bind("id", row.clientId())
                    .bind("address", row.memberAddress())
                    .bind("uid", row.memberUid())
                    .execute())
        > 0;
  }
}
