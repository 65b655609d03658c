"""Reading provider data: documents and the one converter, the JSON Schema, the data policy, the
built-in data, the prebuilt registry of wheels, and custom layers."""
