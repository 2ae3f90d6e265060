package org.unionplatform.testsupport.architecture.samples.broken;

import java.util.List;

import org.springframework.data.mongodb.repository.Aggregation;
import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;

interface BrokenRepository extends MongoRepository<StoredRecord, String> {

    @Query("{ 'name': ?#{[0]} }")
    List<StoredRecord> bySpel(String name);

    @Query("{ $where: 'this.name == \"x\"' }")
    List<StoredRecord> byJavaScript();

    @Aggregation({ "{ $match: {} }", "{ $addFields: { n: { $function: { body: 'f', args: [], lang: 'js' } } } }" })
    List<StoredRecord> byFunction();
}
