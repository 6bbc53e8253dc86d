package db.migration.common;

import dev.vacant.kernel.event.LegacyStoredEvent;
import dev.vacant.kernel.event.LegacyStoredEvent.Upgraded;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Rewrites every stored event of the legacy form (class-name {@code payload_type}, Jackson JSON of the record) into
 * the signed entry under its stable name and revision 1, attachments into the metadata ({@link LegacyStoredEvent}).
 * Entries are copied, never re-signed; a row whose payload holds no entry is left as it is for the audit to report.
 */
public class V70__stored_event_is_the_signed_entry extends BaseJavaMigration {

    private static final int BATCH = 500;
    private static final String ROWS = "select global_index, payload_type, payload, meta_data from domain_event_entry "
            + "where global_index > ? and payload_type like 'dev.vacant.kernel.%' order by global_index limit ?";
    private static final String UPDATE = "update domain_event_entry set payload_type = ?, payload_revision = ?, "
            + "payload = ?, meta_data = ? where global_index = ?";

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (PreparedStatement select = connection.prepareStatement(ROWS);
             PreparedStatement update = connection.prepareStatement(UPDATE)) {
            long after = Long.MIN_VALUE;
            int read;
            do {
                select.setLong(1, after);
                select.setInt(2, BATCH);
                read = 0;
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        read++;
                        after = rs.getLong(1);
                        Optional<Upgraded> upgraded = LegacyStoredEvent.upgrade(rs.getString(2), rs.getBytes(3),
                                rs.getBytes(4));
                        if (upgraded.isPresent()) {
                            update.setString(1, upgraded.get().payloadType());
                            update.setString(2, upgraded.get().payloadRevision());
                            update.setBytes(3, upgraded.get().payload());
                            update.setBytes(4, upgraded.get().metaData());
                            update.setLong(5, after);
                            update.addBatch();
                        }
                    }
                }
                update.executeBatch();
            } while (read == BATCH);
        }
    }
}
