/* {
  "name": "invite-fans-check",
  "version": "1.0.0",
  "kind": "task-check",
  "description": "Invite-fans task: passes when the evidence lists at least `target` distinct valid fans. A fan is valid with a fan id, an 11-digit mainland mobile number starting with 1, not the promoter themself and not blocked; the same fan id or phone counts once.",
  "inputs": [
    { "name": "invitedFans", "type": "records", "description": "The evidence: one record per invited fan with fanId, phone and optionally blocked (true/false)." },
    { "name": "target", "type": "integer", "description": "How many distinct valid fans the task asks for." }
  ]
} */
string Text(IReadOnlyDictionary<string, object> fan, string field) =>
    fan.TryGetValue(field, out var value) && value is not null ? value.ToString().Trim() : "";

bool IsMobile(string phone) => phone.Length == 11 && phone[0] == '1' && phone.All(char.IsAsciiDigit);

var seenFans = new HashSet<string>();
var seenPhones = new HashSet<string>();
var valid = 0;
foreach (var fan in invitedFans ?? [])
{
    var fanId = Text(fan, "fanId");
    var phone = Text(fan, "phone");
    var blocked = fan.TryGetValue("blocked", out var flag) && flag is true;
    if (fanId.Length == 0 || !IsMobile(phone) || blocked || fanId == Promoter?.Id)
    {
        continue;
    }
    if (seenFans.Add(fanId) && seenPhones.Add(phone))
    {
        valid++;
    }
}
Log.Info($"{valid} distinct valid fans of {invitedFans?.Count ?? 0} listed; target {target}");
return valid >= target
    ? Pass($"{valid} distinct valid fans invited (target {target})")
    : Fail($"only {valid} distinct valid fans invited; the task needs {target}");
