package org.liasse.storage;

import java.sql.Timestamp;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

import org.liasse.api.identity.Account;
import org.liasse.api.identity.OperatorRole;

/** Row of {@code app_user}: organisation users and operators. Rights and roles are stored comma-separated. */
@Entity
@Table(name = "app_user")
public class UserEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private long id;

    @Column(name = "login")
    private String login;

    @Column(name = "login_key")
    private String loginKey;

    @Column(name = "first_name")
    private String firstName;

    @Column(name = "last_name")
    private String lastName;

    @Column(name = "email")
    private String email;

    @Column(name = "siren")
    private String siren;

    @Column(name = "federation")
    private String federation;

    @Column(name = "profile")
    private String profile;

    @Column(name = "operator_roles")
    private String operatorRoles;

    @Column(name = "rights")
    private String rights;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "active")
    private boolean active;

    @Column(name = "revision")
    private long revision;

    @Column(name = "created_at")
    private Timestamp createdAt;

    protected UserEntity() {
    }

    UserEntity(String login, String firstName, String lastName, String email, String siren, String federation,
               String profile, Set<String> rights, Set<OperatorRole> roles, Timestamp now) {
        this.login = login;
        this.loginKey = key(login);
        this.firstName = firstName;
        this.lastName = lastName;
        this.email = email;
        this.siren = siren;
        this.federation = federation;
        this.profile = profile;
        this.rights = join(rights);
        this.operatorRoles = join(roles.stream().map(Enum::name).collect(Collectors.toSet()));
        this.active = true;
        this.revision = 1;
        this.createdAt = now;
    }

    /** The key that makes logins unique regardless of case, and finds an account whatever the case typed. */
    static String key(String login) {
        return login.toLowerCase(Locale.ROOT);
    }

    long id() {
        return id;
    }

    String login() {
        return login;
    }

    String email() {
        return email;
    }

    String siren() {
        return siren;
    }

    long revision() {
        return revision;
    }

    boolean active() {
        return active;
    }

    Set<String> rights() {
        return split(rights);
    }

    String passwordHash() {
        return passwordHash;
    }

    void password(String hash) {
        this.passwordHash = hash;
        revision++;
    }

    void details(String firstName, String lastName, String email, String profile, boolean active) {
        this.firstName = firstName;
        this.lastName = lastName;
        this.email = email;
        this.profile = profile;
        this.active = active;
        revision++;
    }

    void email(String email) {
        this.email = email;
        revision++;
    }

    void operator(String federation, Set<OperatorRole> roles, boolean active) {
        this.federation = federation;
        this.operatorRoles = join(roles.stream().map(Enum::name).collect(Collectors.toSet()));
        this.active = active;
        revision++;
    }

    void rights(Set<String> rights) {
        this.rights = join(rights);
        revision++;
    }

    Account toAccount() {
        Set<OperatorRole> roles = split(operatorRoles).stream().map(OperatorRole::valueOf)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(OperatorRole.class)));
        return new Account(id, login, firstName, lastName, email, siren, federation, profile, rights(), roles, active,
            passwordHash != null, revision);
    }

    private static String join(Set<String> values) {
        return String.join(",", new TreeSet<>(values));
    }

    private static Set<String> split(String values) {
        return values == null || values.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(values.split(",")));
    }
}
