package org.unionplatform.membership.bulk;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.unionplatform.common.pii.ResidentIdNumber;

/**
 * Writes a roster like a platform hands to a union: GBK CSV with Chinese headers, {@code rows} people, every
 * hundredth row broken in one of four ways (check character, impossible birth date, phone, worker type).
 * Deterministic: the same arguments give the same file.
 */
public final class BulkFileGenerator {

    private BulkFileGenerator() {
    }

    /** @return the number of bad rows written */
    public static int write(Path file, int rows, int seed) throws IOException {
        Files.createDirectories(file.getParent());
        int bad = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, Charset.forName("GBK"))) {
            out.write("姓名,身份证号,手机号,工种,平台,行政区划代码\r\n");
            LocalDate firstBirthday = LocalDate.of(1975, 1, 1).plusDays(seed % 1000);
            for (int i = 0; i < rows; i++) {
                String first17 = "610103" + firstBirthday.plusDays(i / 1000).toString().replace("-", "")
                        + String.format("%03d", i % 1000);
                String id = first17 + ResidentIdNumber.checkCharacterFor(first17);
                String phone = "13" + (5 + i % 5) + String.format("%08d", (i * 7919L + seed) % 100_000_000L);
                String type = "网约车司机";
                if (i % 100 == 99) {
                    bad++;
                    switch ((i / 100) % 4) {
                        case 0 -> id = first17 + (id.charAt(17) == '1' ? '2' : '1');
                        case 1 -> {
                            String wrongDate = "610103" + "20230231" + String.format("%03d", i % 1000);
                            id = wrongDate + ResidentIdNumber.checkCharacterFor(wrongDate);
                        }
                        case 2 -> phone = "1234567";
                        default -> type = "宇航员";
                    }
                }
                out.write("司机" + i + "," + id + "," + phone + "," + type + ",首汽约车,610103\r\n");
            }
        }
        return bad;
    }
}
