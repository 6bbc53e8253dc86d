-- merkle_node keeps the perfect subtrees of 16 leaves and more (tree_level >= 4, JdbcMerkleTree.LOWEST_STORED_LEVEL):
-- a smaller one is hashed from its leaves' entry hashes in merkle_leaf when a root or proof needs it. The rows
-- below that level, written before, are redundant with merkle_leaf and are dropped.
delete from merkle_node where tree_level < 4;
