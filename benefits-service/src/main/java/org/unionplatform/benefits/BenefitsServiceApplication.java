package org.unionplatform.benefits;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class BenefitsServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(BenefitsServiceApplication.class, args);
    }
}
