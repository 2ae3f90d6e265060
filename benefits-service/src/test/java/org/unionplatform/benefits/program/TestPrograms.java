package org.unionplatform.benefits.program;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Programs for plain unit tests: the fields that matter set, the rest as a new program has them. */
public final class TestPrograms {

    public static final LocalDate STARTS_ON = LocalDate.of(2026, 6, 1);
    public static final LocalDate ENDS_ON = LocalDate.of(2026, 8, 31);

    private TestPrograms() {
    }

    /** A money program of 1,000 yuan giving 100 yuan per grant, revocable for 7 days. */
    public static Program money(ProgramStatus status) {
        return program(status, 100_000L, 10_000L, null, null);
    }

    /** An insurance program: 1,000 yuan of budget, at most 500 yuan per claim. */
    public static Program insurance(ProgramStatus status) {
        return program(status, 100_000L, null, 50_000L, null);
    }

    /** An item program with {@code stock} items and no money. */
    public static Program items(ProgramStatus status, long stock) {
        return program(status, null, null, null, stock);
    }

    private static Program program(ProgramStatus status, Long budgetFen, Long perGrantFen, Long perClaimCeilingFen,
            Long stock) {
        Instant created = Instant.parse("2026-05-20T02:00:00Z");
        return new Program("p-1", "夏送清凉", "SOLACE_MONEY", null, null, "xian-beilin", "/shaanxi/xian/xian-beilin/",
                STARTS_ON, ENDS_ON, perGrantFen, perClaimCeilingFen, stock == null ? null : 1, "清凉礼包",
                null, null, 7, status, budgetFen, budgetFen, budgetFen == null ? null : 0L,
                budgetFen == null ? null : 0L, stock, stock, stock == null ? null : 0L, stock == null ? null : 0L,
                List.of(), List.of(), "officer", created, null, null, null);
    }
}
