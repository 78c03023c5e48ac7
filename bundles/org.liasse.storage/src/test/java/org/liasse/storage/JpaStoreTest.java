package org.liasse.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.persistence.PersistenceException;
import javax.persistence.Query;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liasse.api.error.LiasseException;

/** Units of work refused by the database for lock contention are run again; other refusals are not. */
class JpaStoreTest {

    @TempDir
    Path dir;

    private JpaStore store;
    private final AtomicInteger rollbacks = new AtomicInteger();

    @BeforeEach
    void store() throws SQLException {
        store = new JpaStore(Derby.empty(dir), factory());
    }

    /** Derby's refusal when concurrent inserts wait too long for a new range of an identity column. */
    private static PersistenceException contention() {
        return new PersistenceException(new SQLTransactionRollbackException(
            "A lock could not be obtained within the time requested", "40XL1"));
    }

    @Test
    void aUnitOfWorkRefusedForLockContentionIsRunAgain() {
        AtomicInteger attempts = new AtomicInteger();
        String result = store.inRetriedTransaction(em -> {
            if (attempts.incrementAndGet() < 3) {
                throw contention();
            }
            return "enregistré";
        });
        assertEquals("enregistré", result);
        assertEquals(3, attempts.get());
        assertEquals(2, rollbacks.get(), "each refused attempt was rolled back");
    }

    @Test
    void contentionThatLastsIsAConflictAfterThreeAttempts() {
        AtomicInteger attempts = new AtomicInteger();
        LiasseException conflict = assertThrows(LiasseException.class, () -> store.inRetriedTransaction(em -> {
            attempts.incrementAndGet();
            throw contention();
        }));
        assertEquals(409, conflict.status());
        assertEquals(3, attempts.get());
    }

    @Test
    void aConstraintViolationIsNotRunAgain() {
        AtomicInteger attempts = new AtomicInteger();
        assertThrows(LiasseException.class, () -> store.inRetriedTransaction(em -> {
            attempts.incrementAndGet();
            throw new PersistenceException(new SQLException("doublon", "23505"));
        }));
        assertEquals(1, attempts.get());
    }

    /** An EntityManagerFactory whose transactions count their rollbacks; queries answer 0. */
    private EntityManagerFactory factory() {
        boolean[] active = {false};
        EntityTransaction tx = proxy(EntityTransaction.class, (name, args) -> switch (name) {
            case "begin" -> { active[0] = true; yield null; }
            case "commit" -> { active[0] = false; yield null; }
            case "rollback" -> { active[0] = false; rollbacks.incrementAndGet(); yield null; }
            case "isActive" -> active[0];
            default -> null;
        });
        Query query = proxy(Query.class, (name, args) -> name.equals("getSingleResult") ? 0L : null);
        EntityManager em = proxy(EntityManager.class, (name, args) -> switch (name) {
            case "getTransaction" -> tx;
            case "createQuery" -> query;
            default -> null;
        });
        return proxy(EntityManagerFactory.class, (name, args) -> name.equals("createEntityManager") ? em : null);
    }

    private interface Answer {
        Object answer(String method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(JpaStoreTest.class.getClassLoader(), new Class<?>[] {type},
            (self, method, args) -> answer.answer(method.getName(), args)));
    }
}
