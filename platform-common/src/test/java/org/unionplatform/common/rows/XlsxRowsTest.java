package org.unionplatform.common.rows;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxRowsTest {

    @Test
    void aFileThatIsNoWorkbookIsAnUnreadableFileNotARuntimeFailure(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("名单.xlsx");
        Files.write(file, "姓名,工种\r\n王伟,快递员\r\n".getBytes(StandardCharsets.UTF_8));

        assertThatExceptionOfType(IOException.class)
                .isThrownBy(() -> RowReader.forFile("名单.xlsx", file).read(file, (line, cells) -> { }))
                .withMessageContaining("XLSX");
    }
}
