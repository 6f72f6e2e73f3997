"""Writers turn a `nodes.Document` into the bytes of one file format.

Each writer knows the document tree and one library, never the model.
"""
