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
