package org.embex.usecase;

import org.embex.model.Endpoint;
import org.embex.model.ModelFolder;

/** What every face tells a user before texts go to an endpoint model: where they go, and that nothing else does. */
public final class EndpointNotice {

    private EndpointNotice() {
    }

    public static String of(ModelFolder folder) {
        Endpoint endpoint = folder.descriptor().endpoint().orElseThrow();
        return "embex: model " + folder.id() + " sends texts to " + endpoint.origin() + " (the endpoint in "
                + folder.directory().resolve(ModelFolder.DESCRIPTOR) + "); nothing else leaves this machine";
    }

    /** A short form for a model list: where the texts go. */
    public static String badge(ModelFolder folder) {
        return folder.descriptor().endpoint().map(endpoint -> "sends texts to " + endpoint.origin()).orElse("");
    }
}
