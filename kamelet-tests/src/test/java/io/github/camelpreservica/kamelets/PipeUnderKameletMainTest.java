package io.github.camelpreservica.kamelets;

import org.apache.camel.main.KameletMain;
import org.apache.camel.main.MainCommandLineSupport;

/**
 * The documented Pipe on camel-kamelet-main, the runtime behind {@code camel run} (Camel JBang), with downloading off:
 * everything, the Kamelets included, comes from the classpath, as it would after {@code camel run --dep}.
 */
class PipeUnderKameletMainTest extends PipeRunSupport {

    @Override
    MainCommandLineSupport newMain() {
        KameletMain main = new KameletMain("camel.jbang"); // the instance type camel run gives it
        main.setDownload(false);
        return main;
    }
}
