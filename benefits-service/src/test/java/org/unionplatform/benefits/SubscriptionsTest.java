package org.unionplatform.benefits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.data.mongodb.core.mapping.Document;

/** Following organisation moves is opt-in per collection: none with a top-level orgPath may be left out. */
class SubscriptionsTest {

    @Test
    void everyCollectionWhoseDocumentsCarryAnOrgPathFollowsOrganisationMoves() throws Exception {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Document.class));
        List<String> withOrgPath = new ArrayList<>();
        for (var candidate : scanner.findCandidateComponents("org.unionplatform.benefits")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            if (Arrays.stream(type.getDeclaredFields()).anyMatch(field -> field.getName().equals("orgPath"))) {
                withOrgPath.add(type.getAnnotation(Document.class).value());
            }
        }

        assertThat(withOrgPath).isNotEmpty();
        assertThat(Subscriptions.SCOPED_COLLECTIONS).containsExactlyInAnyOrderElementsOf(withOrgPath);
    }
}
