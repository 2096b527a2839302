"""The Neo4j backend: load the property graph into a Neo4j server and query it in Cypher.

Modules
-------
``connection``
    Connection settings (``--uri/--user``, ``--password-file``/``--ask-password``, ``NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD``)
    and :func:`~healthgraph.neo4j.connection.connect`, which turns an unreachable server or
    refused credentials into :class:`~healthgraph.errors.BackendUnavailable`.
``schema``
    The Cypher text shared by the loader and the exports: constraints, indexes and the
    ``MERGE`` statements for one node or relationship group (pure Python, no driver).
``load``
    :func:`~healthgraph.neo4j.load.neo4j_load` (``healthgraph neo4j load``) and the
    lower-level :func:`~healthgraph.neo4j.load.load_property_graph`.
``cypher``
    :func:`~healthgraph.neo4j.cypher.cypher` (``healthgraph cypher``).

The ``neo4j`` driver is imported only inside these functions' modules, never here.
"""
