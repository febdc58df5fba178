package org.ltpsim.sbml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.logging.log4j.LogManager;
import org.junit.jupiter.api.Test;

/**
 * JSBML logs through Log4j 2, which ltpsim runs on the API's SimpleLogger (log4j2.component.properties), not on Log4j
 * Core: Core's start-up cost ~1 s of every `ltpsim sbml`, and its configuration inside jsbml-core would write a
 * jsbml.log file into the working directory.
 */
class JsbmlLoggingTest {
    @Test
    void jsbmlLogsThroughTheSimpleLoggerAndWritesNoLogFile() throws Exception {
        Path logFile = Path.of("jsbml.log");
        boolean before = Files.exists(logFile);
        String xml = Files.readString(Path.of("src/test/resources/dsmts/00001/00001-sbml-l3v1.xml"));
        SbmlImporter.parse(xml, "W1");
        assertEquals("org.apache.logging.log4j.simple.SimpleLoggerContext",
                LogManager.getContext(false).getClass().getName());
        if (!before) {
            assertFalse(Files.exists(logFile), "jsbml.log written into " + Path.of("").toAbsolutePath());
        }
    }

    /**
     * With Core on the class path, JSBML's Log4j 1.2 bridge starts a Core logger context of its own whatever the
     * factory chosen (~0.2 s of every `ltpsim sbml`), so the build leaves Core out (pom.xml, jsbml-core exclusions).
     */
    @Test
    void log4jCoreIsNotOnTheClassPath() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.apache.logging.log4j.core.LoggerContext"));
    }
}
