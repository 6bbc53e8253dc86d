package dev.vacant.kernel.custody;

import dev.vacant.kernel.logbook.LogbookSigner;

/**
 * The node's own key, held like the vacants' keys: it signs the node's decisions (task gate decisions, lease
 * expiries, rewards) as {@code node_...} without handing the key out.
 */
public interface NodeKey {

    /** A signer whose id is the node's {@code node_...} id. */
    LogbookSigner signer();
}
