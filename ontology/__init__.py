"""The knowledge kg ships: installed as the resource package ``kg.ontology``.

Nothing to import here; :mod:`kg.knowledge.resources` finds these files.
"""
