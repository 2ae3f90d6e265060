package org.unionplatform.testsupport.architecture.samples.clean;

import java.util.List;
import java.util.UUID;

import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;

interface CleanRepository extends MongoRepository<StoredThing, UUID> {

    @Query("{ 'name': ?0 }")
    List<StoredThing> findByName(String name);
}
