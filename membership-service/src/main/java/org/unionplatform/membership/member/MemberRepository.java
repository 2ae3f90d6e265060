package org.unionplatform.membership.member;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface MemberRepository extends MongoRepository<Member, String> {

    Optional<Member> findByWorkerResidentIdLookupHash(String residentIdHash);

    List<Member> findByWorkerResidentIdLookupHashIn(Collection<String> residentIdHashes);

    Optional<Member> findByCardNumber(String cardNumber);

    Optional<Member> findByQrTokenHash(String qrTokenHash);
}
