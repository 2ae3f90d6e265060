package org.unionplatform.common.rows;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRowsTest {

    @TempDir
    Path folder;

    @Test
    void gbkTextIsRecognisedAndReadAsGbk() throws IOException {
        Path file = folder.resolve("gbk.csv");
        Files.write(file, "姓名,工种\r\n王伟,快递员\r\n".getBytes(CsvRows.GBK));

        var reader = CsvRows.detect(file);

        assertThat(reader.describe()).isEqualTo("CSV GBK");
        assertThat(rows(reader, file)).containsExactly(List.of("姓名", "工种"), List.of("王伟", "快递员"));
    }

    @Test
    void utf8WithABomIsReadWithoutTheBom() throws IOException {
        Path file = folder.resolve("utf8.csv");
        Files.write(file, "\uFEFF姓名\n李娜\n".getBytes(StandardCharsets.UTF_8));

        var reader = CsvRows.detect(file);

        assertThat(reader.describe()).isEqualTo("CSV UTF-8");
        assertThat(rows(reader, file)).containsExactly(List.of("姓名"), List.of("李娜"));
    }

    @Test
    void quotedCellsKeepCommasQuotesAndLineBreaks() throws IOException {
        Path file = folder.resolve("quoted.csv");
        Files.writeString(file, "a,\"b,1\",\"say \"\"hi\"\"\",\"two\nlines\"\n", StandardCharsets.UTF_8);

        assertThat(rows(CsvRows.detect(file), file))
                .containsExactly(List.of("a", "b,1", "say \"hi\"", "two\nlines"));
    }

    private static List<List<String>> rows(RowReader reader, Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        reader.read(file, (line, cells) -> rows.add(cells));
        return rows;
    }
}
