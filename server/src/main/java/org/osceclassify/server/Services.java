package org.osceclassify.server;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the handlers share: the settings, the model being served, the metrics, and whether the server takes
 * requests ({@code /health/ready} answers 503 once a stop has begun, so a load balancer drains it).
 */
record Services(ServerSettings settings, ModelHolder models, ServerMetrics metrics, AtomicBoolean ready) {
}
