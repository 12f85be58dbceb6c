package org.embex.server;

import com.fasterxml.jackson.databind.JsonNode;

/** One endpoint's answer to a request's JSON body, as a value Jackson writes. */
@FunctionalInterface
interface Route {

    Object answer(JsonNode body);
}
