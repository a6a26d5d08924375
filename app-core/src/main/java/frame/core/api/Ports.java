package frame.core.api;

/**
 * Every port of one open library: what the window, the server and the command line use. A new
 * feature's port is one more component here.
 */
public record Ports(Library library, Imports imports, Jobs jobs, Queue queue, Trash trash, Devices devices,
    Nodes nodes, Events events, Catalogue catalogue, Archive archive, Culling culling) {}
