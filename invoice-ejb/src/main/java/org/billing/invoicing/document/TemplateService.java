package org.billing.invoicing.document;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import org.billing.invoicing.common.ErrorCode;
import org.billing.invoicing.common.InvoicingException;
import org.billing.invoicing.common.Jdbc;
import org.billing.invoicing.invoice.Direction;
import org.billing.invoicing.platform.Account;

/**
 * The template store (seed 001, seed 003): upload after checking, list, source, delete when unused,
 * the template of an account per direction, and the global default.
 */
@Stateless
public class TemplateService {

    private static final int MAX_NAME = 200;
    private static final int MAX_FILENAME = 255;

    @PersistenceContext(unitName = "invoicing")
    private EntityManager em;

    @Resource
    private SessionContext session;

    @Inject
    private Clock clock;

    private final TemplateInspector inspector = new TemplateInspector(TemplateLimits.fromSettings());

    /** Checks a file without storing it. */
    public TemplateCheck lint(byte[] file) {
        return inspector.check(file);
    }

    /** Stores a template once it passed every check; refused with the code of the first problem. */
    public TemplateView upload(String name, String filename, byte[] file) {
        String trimmedName = required(name, "name", MAX_NAME);
        String trimmedFilename = filename == null || filename.isBlank()
                ? trimmedName + ".odt"
                : required(filename, "filename", MAX_FILENAME);
        inspector.check(file).requireValid();
        if (findByName(trimmedName).isPresent()) {
            throw nameTaken(trimmedName);
        }
        try (PreparedStatement insert = connection()
                .prepareStatement("INSERT INTO invoice_template"
                        + " (id, name, filename, sha1, size, content, created_at, created_by)"
                        + " VALUES (nextval('invoice_template_seq'), ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            insert.setString(1, trimmedName);
            insert.setString(2, trimmedFilename);
            insert.setString(3, Hashes.sha1(file));
            insert.setInt(4, file.length);
            insert.setBytes(5, file);
            Jdbc.setInstant(insert, 6, clock.instant());
            insert.setString(7, session.getCallerPrincipal().getName());
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return get(row.getLong(1));
            }
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw nameTaken(trimmedName);
            }
            throw new PersistenceException("Could not store template " + trimmedName, e);
        }
    }

    public List<TemplateView> list() {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement select =
                        connection().prepareStatement("SELECT id FROM invoice_template ORDER BY name, id");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        } catch (SQLException e) {
            throw new PersistenceException("Could not list the templates", e);
        }
        return ids.stream().map(this::get).toList();
    }

    public TemplateView get(long id) {
        try (PreparedStatement select = connection()
                .prepareStatement("SELECT t.id, t.name, t.filename, t.sha1, t.size,"
                        + " t.created_at, t.created_by, d.template_id IS NOT NULL AS global_default FROM invoice_template t"
                        + " LEFT JOIN invoice_template_default d ON d.template_id = t.id WHERE t.id = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw notFound(id);
                }
                return new TemplateView(
                        row.getLong("id"),
                        row.getString("name"),
                        row.getString("filename"),
                        row.getString("sha1"),
                        row.getLong("size"),
                        Jdbc.instant(row, "created_at").atOffset(ZoneOffset.UTC),
                        row.getString("created_by"),
                        row.getBoolean("global_default"),
                        assignments(id));
            }
        } catch (SQLException e) {
            throw new PersistenceException("Could not read template " + id, e);
        }
    }

    /** The file as uploaded ("View source"). */
    public TemplateSource source(long id) {
        try (PreparedStatement select = connection()
                .prepareStatement("SELECT id, name, filename, sha1, content FROM invoice_template WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw notFound(id);
                }
                return new TemplateSource(
                        row.getLong("id"),
                        row.getString("name"),
                        row.getString("filename"),
                        row.getString("sha1"),
                        row.getBytes("content"));
            }
        } catch (SQLException e) {
            throw new PersistenceException("Could not read template " + id, e);
        }
    }

    /** Deletes a template no account uses and that is not the global default. */
    public void delete(long id) {
        TemplateView template = get(id);
        if (template.globalDefault() || !template.usedBy().isEmpty()) {
            String users = template.usedBy().stream()
                    .map(a -> "account " + a.accountId() + " '" + a.accountName() + "' (" + a.direction() + ")")
                    .collect(Collectors.joining(", "));
            throw new InvoicingException(
                    ErrorCode.TEMPLATE_IN_USE,
                    "Template " + id + " '" + template.name()
                            + "' is in use: "
                            + (template.globalDefault()
                                    ? "it is the global default template" + (users.isEmpty() ? "" : "; ")
                                    : "")
                            + users + ".");
        }
        try (PreparedStatement delete = connection().prepareStatement("DELETE FROM invoice_template WHERE id = ?")) {
            delete.setLong(1, id);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("Could not delete template " + id, e);
        }
    }

    /** The template an account's invoices of one direction use; null templateId removes it. */
    public Optional<TemplateView> assign(long accountId, Direction direction, Long templateId) {
        requireAccount(accountId);
        Connection connection = connection();
        try {
            if (templateId == null) {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM account_invoice_template WHERE account_id = ? AND direction = ?")) {
                    delete.setLong(1, accountId);
                    delete.setString(2, direction.name());
                    delete.executeUpdate();
                }
                return Optional.empty();
            }
            get(templateId);
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO account_invoice_template"
                    + " (account_id, direction, template_id) VALUES (?, ?, ?) ON CONFLICT (account_id, direction)"
                    + " DO UPDATE SET template_id = excluded.template_id")) {
                upsert.setLong(1, accountId);
                upsert.setString(2, direction.name());
                upsert.setLong(3, templateId);
                upsert.executeUpdate();
            }
            return Optional.of(get(templateId));
        } catch (SQLException e) {
            throw new PersistenceException("Could not assign a template to account " + accountId, e);
        }
    }

    /** The template assigned to an account for one direction, without the global default. */
    public Optional<TemplateView> assigned(long accountId, Direction direction) {
        requireAccount(accountId);
        return queryId(
                        "SELECT template_id FROM account_invoice_template WHERE account_id = ? AND direction = ?",
                        accountId,
                        direction.name())
                .map(this::get);
    }

    public Optional<TemplateView> globalDefault() {
        return queryId("SELECT template_id FROM invoice_template_default WHERE id = 1 AND template_id IS NOT NULL")
                .map(this::get);
    }

    /** Sets (or, with null, clears) the global default template (seed 003). */
    public Optional<TemplateView> changeGlobalDefault(Long templateId) {
        if (templateId != null) {
            get(templateId);
        }
        try (PreparedStatement update =
                connection().prepareStatement("UPDATE invoice_template_default SET template_id = ? WHERE id = 1")) {
            Jdbc.setLong(update, 1, templateId);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("Could not change the default template", e);
        }
        return templateId == null ? Optional.empty() : Optional.of(get(templateId));
    }

    private List<TemplateView.Assignment> assignments(long templateId) throws SQLException {
        List<TemplateView.Assignment> assignments = new ArrayList<>();
        try (PreparedStatement select = connection()
                .prepareStatement("SELECT t.account_id, a.name, t.direction"
                        + " FROM account_invoice_template t JOIN account a ON a.id = t.account_id WHERE t.template_id = ?"
                        + " ORDER BY t.account_id, t.direction")) {
            select.setLong(1, templateId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    assignments.add(new TemplateView.Assignment(rows.getLong(1), rows.getString(2), rows.getString(3)));
                }
            }
        }
        return assignments;
    }

    private Optional<TemplateView> findByName(String name) {
        return queryId("SELECT id FROM invoice_template WHERE name = ?", name).map(this::get);
    }

    private Optional<Long> queryId(String sql, Object... parameters) {
        try (PreparedStatement select = connection().prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new PersistenceException("Could not read the templates", e);
        }
    }

    private Connection connection() {
        return em.unwrap(Connection.class);
    }

    private void requireAccount(long accountId) {
        if (em.find(Account.class, accountId) == null) {
            throw new InvoicingException(
                    ErrorCode.ACCOUNT_NOT_FOUND, "accountId", "There is no account " + accountId + ".");
        }
    }

    private static String required(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new InvoicingException(ErrorCode.VALIDATION_FAILED, field, field + " is required.");
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            throw new InvoicingException(
                    ErrorCode.VALIDATION_FAILED, field, field + " has at most " + max + " characters.");
        }
        return trimmed;
    }

    private static InvoicingException nameTaken(String name) {
        return new InvoicingException(
                ErrorCode.TEMPLATE_NAME_TAKEN, "name", "A template is already named '" + name + "'.");
    }

    static InvoicingException notFound(long id) {
        return new InvoicingException(ErrorCode.TEMPLATE_NOT_FOUND, "There is no template " + id + ".");
    }
}
