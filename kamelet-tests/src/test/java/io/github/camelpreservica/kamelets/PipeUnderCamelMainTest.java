package io.github.camelpreservica.kamelets;

import org.apache.camel.main.Main;
import org.apache.camel.main.MainCommandLineSupport;

/** The documented Pipe on plain Camel Main, with camel-kamelet and camel-yaml-dsl on the classpath. */
class PipeUnderCamelMainTest extends PipeRunSupport {

    @Override
    MainCommandLineSupport newMain() {
        return new Main();
    }
}
