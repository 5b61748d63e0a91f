# METADATA
# title: Linux capabilities
# description: |
#   Capability names as every shape spells them (`SYS_ADMIN`, `CAP_SYS_ADMIN`, `sys_admin`) in one form:
#   upper case without the CAP_ prefix.
package shipshape.lib.capabilities

normalise(name) := trim_prefix(upper(trim_space(name)), "CAP_")

# The normalised names in a list; anything that is not a list of strings yields [].
names(list) := [normalise(name) | some name in list; is_string(name)] if is_array(list)

else := []

# The capabilities Docker, containerd and CRI-O grant a container by default (moby's DefaultCapabilities; the
# containerd and CRI-O defaults are the same set).
runtime_defaults := {
	"CHOWN", "DAC_OVERRIDE", "FSETID", "FOWNER", "MKNOD", "NET_RAW", "SETGID", "SETUID", "SETFCAP", "SETPCAP",
	"NET_BIND_SERVICE", "SYS_CHROOT", "KILL", "AUDIT_WRITE",
}

# Whether a drop list leaves none of the defaults: `ALL`, or every default capability named one by one.
drops_all(drop) if "ALL" in drop

drops_all(drop) if {
	every capability in runtime_defaults {
		capability in drop
	}
}
