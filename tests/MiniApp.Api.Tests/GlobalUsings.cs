global using System.Text;
global using Microsoft.Extensions.Options;
global using Microsoft.Extensions.Time.Testing;
global using MiniApp.Api.Infrastructure.Validation;
