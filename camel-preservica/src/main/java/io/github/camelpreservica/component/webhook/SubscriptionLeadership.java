package io.github.camelpreservica.component.webhook;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.cluster.CamelClusterView;
import org.apache.camel.support.cluster.ClusterServiceHelper;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Membership of one replica in the leader election (Camel's cluster SPI) that decides which of several replicas
 * serving the same URL manages its subscriptions. Every replica receives; only the leader subscribes. Leaving never
 * unsubscribes: the other replicas still serve the subscription, and the next leader replaces it by its own.
 */
final class SubscriptionLeadership {

    /** What the consumer does when this replica is elected or loses the election. */
    interface Listener {
        void elected();

        void deposed();
    }

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionLeadership.class);

    private final CamelClusterService service;
    private final CamelClusterView view;
    private final CamelClusterEventListener.Leadership events;

    private SubscriptionLeadership(CamelClusterService service, CamelClusterView view,
            CamelClusterEventListener.Leadership events) {
        this.service = service;
        this.view = view;
        this.events = events;
    }

    /**
     * Joins the election of the namespace. The listener is called from the cluster service's threads, and once at
     * once if this replica already leads.
     *
     * @param service the cluster service, or null to use the one of the context (there must be exactly one)
     */
    static SubscriptionLeadership join(CamelContext context, CamelClusterService service, String namespace,
                                       Listener listener)
            throws Exception {
        CamelClusterService cluster = service != null
                ? service
                : ClusterServiceHelper.lookupService(context)
                        .orElseThrow(
                                () -> new IllegalStateException("preservica-webhook: clusterNamespace '" + namespace
                                        + "' is set but no CamelClusterService is configured: set "
                                        + "the option clusterService or add one to the context "
                                        + "(e.g. FileLockClusterService from camel-file)"));
        CamelContextAware.trySetCamelContext(cluster, context);
        ServiceHelper.startService(cluster);
        CamelClusterView view = cluster.getView(namespace);
        CamelClusterEventListener.Leadership events = (changed, leader) -> {
            if (leader != null && leader.isLocal()) {
                listener.elected();
            } else {
                listener.deposed();
            }
        };
        view.addEventListener(events);
        LOG.info("Joined the election for Preservica subscriptions in namespace '{}' of cluster service {}", namespace,
                cluster.getId());
        if (view.getLocalMember().isLeader()) {
            listener.elected();
        }
        return new SubscriptionLeadership(cluster, view, events);
    }

    boolean isLeader() {
        return view.getLocalMember().isLeader();
    }

    String namespace() {
        return view.getNamespace();
    }

    /** Leaves the election; another replica may then be elected. Never unsubscribes anything. */
    void leave() {
        view.removeEventListener(events);
        try {
            service.releaseView(view);
        } catch (Exception e) {
            LOG.warn("Could not leave the election in namespace '{}': {}", view.getNamespace(), e.getMessage());
        }
    }
}
