package org.unionplatform.benefits.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.unionplatform.benefits.program.Program;
import org.unionplatform.benefits.program.ProgramRepository;

class DemoProgramsTest {

    private final ProgramRepository repository = mock(ProgramRepository.class);
    private final DemoPrograms demo = new DemoPrograms(repository,
            Clock.fixed(Instant.parse("2026-07-01T00:00:00Z"), ZoneOffset.UTC));

    @Test
    @SuppressWarnings("unchecked")
    void seedProgramsBelongToTheDemoOrganisationsWithTheSeedFigures() {
        demo.run(null);

        ArgumentCaptor<List<Program>> inserted = ArgumentCaptor.forClass(List.class);
        verify(repository).insert(inserted.capture());
        Map<String, Program> byKind = inserted.getValue().stream()
                .filter(p -> !p.kind().equals(Program.WELCOME_PACK))
                .collect(Collectors.toMap(p -> p.kind() + (p.season() == null ? "" : ":" + p.season()), p -> p));
        assertThat(byKind.get("SOLACE_MONEY").budgetFen()).isEqualTo(2_000_000L);
        assertThat(byKind.get("HARDSHIP_GRANT").budgetFen()).isEqualTo(2_000_000L);
        assertThat(byKind.get("HARDSHIP_GRANT").eligibility().hardshipRequired()).isTrue();
        assertThat(byKind.get("FEMALE_MEDICAL_MUTUAL_AID").stockTotal()).isEqualTo(25L);
        assertThat(byKind.get("FEMALE_MEDICAL_MUTUAL_AID").eligibility().genders()).containsExactly("FEMALE");
        assertThat(byKind.get("SEASONAL_CAMPAIGN:SUMMER_COOLING").organizationId()).isEqualTo("beilin-delivery-joint");
        assertThat(byKind.get("SEASONAL_CAMPAIGN:SUMMER_COOLING").memberLimit().sharedKey()).isEqualTo("summer-cooling-2026");
        assertThat(inserted.getValue()).filteredOn(p -> p.kind().equals(Program.WELCOME_PACK)).hasSize(2);
        assertThat(inserted.getValue()).allSatisfy(p -> {
            assertThat(p.orgPath()).startsWith("/shaanxi/").endsWith("/" + p.organizationId() + "/");
            assertThat(p.name()).matches(".*\\p{IsHan}.*");
        });
    }

    @Test
    void nothingIsLoadedWhenProgramsExist() {
        when(repository.count()).thenReturn(1L);

        demo.run(null);

        verify(repository, never()).insert(anyList());
    }
}
