package org.unionplatform.organization.company;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.unionplatform.common.workers.KnownWorkerType;
import org.unionplatform.common.reference.CreditCode;
import org.unionplatform.common.reference.KnownDivision;
import org.unionplatform.organization.tree.OrganizationRequests;

/** Request and response records of the company endpoints. */
public final class CompanyRequests {

    private CompanyRequests() {
    }

    public record RegisterCompany(@CreditCode String creditCode, @NotBlank @Size(max = 100) String name,
            @NotNull CompanyType type, @Size(max = 50) String platform,
            @Pattern(regexp = OrganizationRequests.ID) String parentCompanyId,
            @NotNull @KnownDivision String divisionCode,
            @NotNull @Pattern(regexp = OrganizationRequests.ID) String organizationId,
            @Size(max = 20) Map<@NotNull @KnownWorkerType String, @NotNull @Min(0) @Max(10_000_000) Integer> headcount,
            Boolean keyPlatform) {
    }

    record UpdateCompany(@NotBlank @Size(max = 100) String name, @Size(max = 50) String platform,
            @Size(max = 20) Map<@NotNull @KnownWorkerType String, @NotNull @Min(0) @Max(10_000_000) Integer> headcount,
            Boolean keyPlatform) {
    }

    record ChangeStatus(@NotNull CompanyStatus status, @Size(max = 500) String note,
            @Pattern(regexp = OrganizationRequests.ID) String coveringOrganizationId) {
    }

    record NameLiaison(@NotBlank @Size(max = 40) String name) {
    }

    record RecordFollowUp(@NotBlank @Size(max = 500) String note) {
    }

    record CompanyResponse(String id, String creditCode, String name, CompanyType type, String typeLabel,
            String platform, String parentCompanyId, String divisionCode, String organizationId, String orgPath,
            Map<String, Integer> headcount, int totalHeadcount, CompanyStatus status, String statusLabel,
            List<Company.StatusChange> statusHistory, String coveringOrganizationId, boolean keyPlatform,
            Instant lastFollowUpAt, List<Company.FollowUp> followUps, Company.Liaison liaison) {

        static CompanyResponse of(Company c) {
            return new CompanyResponse(c.id(), c.creditCode(), c.name(), c.type(), c.type().label(), c.platform(),
                    c.parentCompanyId(), c.divisionCode(), c.organizationId(), c.orgPath(), c.headcount(),
                    c.totalHeadcount(), c.status(), c.status().label(), c.statusHistory(),
                    c.coveringOrganizationId(), c.keyPlatform(), c.lastFollowUpAt(), c.followUps(), c.liaison());
        }
    }
}
